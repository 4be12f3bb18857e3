{{/* Name of the plugin and of every namespaced object of the release. */}}
{{- define "plugin.name" -}}
{{- .Values.plugin.name -}}
{{- end -}}

{{- define "plugin.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "plugin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "plugin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "plugin.labels" -}}
{{ include "plugin.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: clearml
helm.sh/chart: {{ include "plugin.chart" . }}
{{- end -}}

{{- define "plugin.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "plugin.name" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "plugin.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/*
The plugin build for the cluster's console; the image serves each under its own base path
(Containerfile): "4.22" at / for OpenShift 4.22 and later (Kubernetes 1.35 and later), "4.19" at
/4.19/ for OpenShift 4.19, 4.20 and 4.21 (Kubernetes 1.32, 1.33 and 1.34). plugin.consoleBuild
forces one. OpenShift 4.18 and earlier (Kubernetes 1.31 and earlier) are not supported.
*/}}
{{- define "plugin.consoleBuild" -}}
{{- if .Values.plugin.consoleBuild -}}
{{- .Values.plugin.consoleBuild -}}
{{- else -}}
{{- $major := .Capabilities.KubeVersion.Major | regexFind "[0-9]+" | int -}}
{{- $minor := .Capabilities.KubeVersion.Minor | regexFind "[0-9]+" | int -}}
{{- if or (gt $major 1) (ge $minor 35) -}}
4.22
{{- else if ge $minor 32 -}}
4.19
{{- else -}}
{{- fail (printf "Kubernetes %s is OpenShift 4.18 or earlier, which the ClearML console plugin does not support (OpenShift 4.19 or later is needed). Set plugin.consoleBuild to \"4.19\" or \"4.22\" to install one build anyway." .Capabilities.KubeVersion.Version) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Where the image serves the selected build: the ConsolePlugin's backend basePath. */}}
{{- define "plugin.basePath" -}}
{{- if eq (include "plugin.consoleBuild" .) "4.22" -}}
/
{{- else -}}
/4.19/
{{- end -}}
{{- end -}}

{{- define "plugin.certSecretName" -}}
{{- default (printf "%s-cert" (include "plugin.name" .)) .Values.service.certificateSecretName -}}
{{- end -}}

{{/* The enable/disable Jobs: names of their ServiceAccount, RBAC objects and script. */}}
{{- define "plugin.enablerName" -}}
{{- printf "%s-enabler" (include "plugin.name" .) -}}
{{- end -}}

{{/*
Annotations that make the enabler's ServiceAccount, ClusterRole and ClusterRoleBinding Helm hooks
of the same events as the Jobs that use them: Helm creates the hooks of an event in order of
weight (these below the Jobs' 0) and, once the last one has finished, deletes those marked
hook-succeeded; so the objects exist only while the Jobs run. Since Helm 3.19 they are deleted
when a Job fails too; older versions leave them until the next install, upgrade or uninstall
replaces them (before-hook-creation). Source: helm/helm v3.19.5, pkg/action/hooks.go (execHook).
Call with (dict "root" $ "weight" "-2").
*/}}
{{- define "plugin.enablerHookAnnotations" -}}
{{- $job := .root.Values.jobs.enablePlugin -}}
{{- $events := list -}}
{{- if $job.enabled -}}
{{- $events = concat $events (list "post-install" "post-upgrade") -}}
{{- end -}}
{{- if $job.disableOnUninstall -}}
{{- $events = append $events "pre-delete" -}}
{{- end -}}
helm.sh/hook: {{ join "," $events }}
helm.sh/hook-weight: {{ .weight | quote }}
helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
{{- end -}}

{{/* nginx.conf: files/nginx.conf, with the IPv4-only listen when IPv6 is off. */}}
{{- define "plugin.nginxConf" -}}
{{- $conf := .Files.Get "files/nginx.conf" -}}
{{- if not .Values.nginx.listenIPv6 -}}
{{- $conf = replace "listen [::]:9443 ssl ipv6only=off;" "listen 9443 ssl;" $conf -}}
{{- end -}}
{{- $conf -}}
{{- end -}}

{{/* Security context shared by every container of the chart (OpenShift restricted-v2). */}}
{{- define "plugin.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "plugin.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "plugin.placement" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end -}}
