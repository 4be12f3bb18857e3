#!/usr/bin/env node
// Entry point of the `clearml-openshift` CLI; the bundle is built by `npm run build:cli`.
require('../dist-cli/clearml-openshift.cjs');
