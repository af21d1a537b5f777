{{/*
Names and labels. Objects have fixed names (comanda-<part>) so that the services find each other and the
operators' objects by name: install one release of this chart per namespace.
*/}}

{{- define "comanda.labels" -}}
app.kubernetes.io/part-of: comanda
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* The labels that select one service's pods. Call with (dict "name" $name). */}}
{{- define "comanda.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: comanda
{{- end }}

{{/* The name of a service's objects, e.g. comanda-orders-service. */}}
{{- define "comanda.serviceName" -}}
{{ printf "comanda-%s" . }}
{{- end }}

{{/* The Secret a service reads: one it was given, or the chart's. Call with (dict "name" $name "service" $service). */}}
{{- define "comanda.secretName" -}}
{{ .service.existingSecret | default (printf "comanda-%s" .name) }}
{{- end }}

{{- define "comanda.kafkaBootstrap" -}}
{{ printf "%s-kafka-bootstrap:9092" .Values.strimzi.kafka.name }}
{{- end }}

{{- define "comanda.postgresHost" -}}
{{ printf "%s-rw" .Values.cloudnativepg.cluster.name }}
{{- end }}

{{/* Keycloak inside the cluster: the service the Keycloak operator creates, over TLS. */}}
{{- define "comanda.keycloakUrl" -}}
{{ printf "https://%s-service:8443" .Values.keycloak.name }}
{{- end }}

{{/*
A service's configuration: what it derives from the other parts of this chart, then the values' common
config, then its own (which wins). Call with (dict "root" $ "name" $name "service" $service).
*/}}
{{- define "comanda.serviceConfig" -}}
{{- $root := .root -}}
{{- $derived := dict
  "QUARKUS_DATASOURCE_REACTIVE_URL" (printf "postgresql://%s:5432/%s" (include "comanda.postgresHost" $root) .service.database)
  "QUARKUS_DATASOURCE_JDBC_URL" (printf "jdbc:postgresql://%s:5432/%s" (include "comanda.postgresHost" $root) .service.database)
  "KAFKA_BOOTSTRAP_SERVERS" (include "comanda.kafkaBootstrap" $root)
  "COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR" (toString $root.Values.kafkaTopicDurability.replicationFactor)
  "COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS" (toString $root.Values.kafkaTopicDurability.minInsyncReplicas)
  "QUARKUS_OIDC_TOKEN_ISSUER" (printf "https://%s/realms/comanda" $root.Values.keycloak.hostname)
-}}
{{- /* notifications-service derives its realm and the admin API from the Keycloak URL. */ -}}
{{- if eq .name "notifications-service" -}}
{{- $_ := set $derived "COMANDA_KEYCLOAK_URL" (include "comanda.keycloakUrl" $root) -}}
{{- else -}}
{{- $_ := set $derived "QUARKUS_OIDC_AUTH_SERVER_URL" (printf "%s/realms/comanda" (include "comanda.keycloakUrl" $root)) -}}
{{- end -}}
{{- toYaml (merge (deepCopy (.service.config | default dict)) (deepCopy $root.Values.common.config) $derived) -}}
{{- end }}
