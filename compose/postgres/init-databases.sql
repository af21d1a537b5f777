-- One database per service, as the local stack has.
create database orders;
create database payments;
create database notifications;
create database search;
