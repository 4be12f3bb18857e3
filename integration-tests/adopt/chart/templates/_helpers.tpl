{{/*
Names and labels as upstream's `templates/_helpers.tpl` defines them (clearml 7.14.x):
fullname is the release name when it contains "clearml", else "<release>-clearml"; service
accounts are "<serviceAccountName>-<component>" whatever the release is called.
*/}}
{{- define "clearml.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "clearml.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: {{ include "clearml.fullname" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Pod selector of one server: (dict "root" $ "component" "apiserver"). */}}
{{- define "clearml.selectorLabels" -}}
app.kubernetes.io/name: {{ include "clearml.fullname" .root }}
app.kubernetes.io/instance: {{ include "clearml.fullname" .root }}-{{ .component }}
{{- end -}}

{{- define "clearml.image" -}}
{{ .root.Values.global.imageRegistry }}/{{ .image.repository }}:{{ .image.tag }}
{{- end -}}

{{- define "clearml.mongodbUrl" -}}
mongodb://{{ .Release.Name }}-mongodb:27017
{{- end -}}

{{- define "clearml.elasticHosts" -}}
[{"host":"{{ .Values.elasticsearch.clusterName }}-master","port":9200,"scheme":"http"}]
{{- end -}}

{{- define "clearml.fileserverUrl" -}}
http://{{ include "clearml.fullname" . }}-fileserver:{{ .Values.fileserver.service.port }}
{{- end -}}

{{/* The init containers' wait for the data stores (apiserver and async delete). */}}
{{- define "clearml.waitForStores" -}}
set -x; while [ $(curl -sw '%{http_code}' "http://{{ .Values.elasticsearch.clusterName }}-master:9200/_cluster/health" -o /dev/null) -ne 200 ]; do sleep 5; done;
while [ $(curl --telnet-option BOGUS --connect-timeout 2 -s "telnet://{{ include "clearml.mongodbUrl" . | trimPrefix "mongodb://" }}" -o /dev/null; echo $?) -ne 49 ]; do sleep 5; done;
while [ $(curl --telnet-option BOGUS --connect-timeout 2 -s "telnet://{{ tpl .Values.redis.master.name . }}:{{ .Values.redis.master.port }}" -o /dev/null; echo $?) -ne 49 ]; do sleep 5; done
{{- end -}}

{{/* Environment shared by the apiserver and async delete: where the data stores are. */}}
{{- define "clearml.storeEnv" -}}
{{- range list "WORKERS" "EVENTS" "DATASETS" "LOGS" }}
- name: CLEARML__HOSTS__ELASTIC__{{ . }}__HOSTS
  value: {{ include "clearml.elasticHosts" $ | quote }}
{{- end }}
- name: CLEARML_MONGODB_SERVICE_CONNECTION_STRING
  value: {{ include "clearml.mongodbUrl" . | quote }}
- name: CLEARML_REDIS_SERVICE_HOST
  value: {{ tpl .Values.redis.master.name . | quote }}
- name: CLEARML_REDIS_SERVICE_PORT
  value: {{ .Values.redis.master.port | quote }}
- name: CLEARML__apiserver__default_company_name
  value: {{ .Values.clearml.defaultCompany | quote }}
- name: CLEARML__secure__auth__token_secret
  valueFrom: { secretKeyRef: { name: clearml-conf, key: secure_auth_token_secret } }
{{- end -}}
