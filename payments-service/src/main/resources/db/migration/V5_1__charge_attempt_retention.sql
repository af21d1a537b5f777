-- The retention purge deletes settled charge attempts oldest first by when their key was first used.
create index charge_attempt_key_first_used_at on charge_attempt (key_first_used_at);
