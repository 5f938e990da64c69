-- A staff session cookie carries the account's session stamp from its sign-in; a request whose cookie carries another
-- stamp (or none, as cookies issued before this migration) is signed out. The stamp changes with what a session stands
-- for: a new password, a second factor reset or set up, a new role, a deactivation. Every session open elsewhere then
-- ends at its next request. Random rather than a counter, so that a database restored from a backup cannot make an old
-- cookie's stamp current again.
ALTER TABLE staff ADD COLUMN session_stamp TEXT NOT NULL DEFAULT '';

UPDATE staff SET session_stamp = lower(hex(randomblob(16)));

-- A new row gets its own stamp whoever inserts it: ALTER TABLE allows only a constant default.
CREATE TRIGGER staff_session_stamp_on_insert AFTER INSERT ON staff
WHEN new.session_stamp = ''
BEGIN
    UPDATE staff SET session_stamp = lower(hex(randomblob(16))) WHERE id = new.id;
END;
