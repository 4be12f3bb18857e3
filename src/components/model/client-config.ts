/** The client configuration a ClearML user needs: a clearml.conf snippet and CLEARML_* variables. */

export interface ClientEndpoints {
  app?: string;
  api?: string;
  files?: string;
}

export interface ClientCredentials {
  accessKey: string;
  secretKey: string;
}

export function clearmlConf(urls: ClientEndpoints, creds: ClientCredentials): string {
  return [
    'api {',
    `  web_server: ${urls.app ?? ''}`,
    `  api_server: ${urls.api ?? ''}`,
    `  files_server: ${urls.files ?? ''}`,
    '  credentials {',
    `    "access_key" = "${creds.accessKey}"`,
    `    "secret_key" = "${creds.secretKey}"`,
    '  }',
    '}',
    '',
  ].join('\n');
}

export function clearmlEnv(urls: ClientEndpoints, creds: ClientCredentials): string {
  return [
    `export CLEARML_WEB_HOST=${urls.app ?? ''}`,
    `export CLEARML_API_HOST=${urls.api ?? ''}`,
    `export CLEARML_FILES_HOST=${urls.files ?? ''}`,
    `export CLEARML_API_ACCESS_KEY=${creds.accessKey}`,
    `export CLEARML_API_SECRET_KEY=${creds.secretKey}`,
    '',
  ].join('\n');
}
