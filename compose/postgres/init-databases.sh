#!/bin/bash
# One database per service, each owned by the service's own role, as the local stack has; and the
# relay's role: it may log in and stream changes (REPLICATION) and nothing else. The platform's
# migration grants it SELECT on the outbox table alone (db/comanda-platform/V0_3__relay_role.sql).
# Passwords come from .env (see .env.example); the postgres superuser is for the operator only.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v orders_password="$COMANDA_ORDERS_DB_PASSWORD" \
     -v payments_password="$COMANDA_PAYMENTS_DB_PASSWORD" \
     -v notifications_password="$COMANDA_NOTIFICATIONS_DB_PASSWORD" \
     -v search_password="$COMANDA_SEARCH_DB_PASSWORD" \
     -v relay_password="$COMANDA_RELAY_DB_PASSWORD" <<'SQL'
create role orders_service login password :'orders_password';
create role payments_service login password :'payments_password';
create role notifications_service login password :'notifications_password';
create role search_service login password :'search_password';
create role comanda_relay login replication password :'relay_password';

create database orders owner orders_service;
create database payments owner payments_service;
create database notifications owner notifications_service;
create database search owner search_service;

revoke connect on database orders, payments, notifications, search from public;
grant connect on database orders to orders_service, comanda_relay;
grant connect on database payments to payments_service, comanda_relay;
grant connect on database notifications to notifications_service;
grant connect on database search to search_service;
SQL
