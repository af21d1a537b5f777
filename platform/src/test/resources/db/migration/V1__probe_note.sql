create table probe_note (
    id   uuid primary key,
    text varchar(200) not null
);
