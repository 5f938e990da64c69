-- Mail that has left (sent) or failed for good keeps only its delivery log: the bodies and extra headers may hold
-- secret links (sign-in, unsubscribe). The outbox now blanks them when it records the outcome; this clears the rows
-- recorded before that. secure_delete (set on every connection) overwrites the freed bytes in the file.
UPDATE mail_outbox
SET text_body = '', html_body = NULL, headers_json = NULL
WHERE status IN ('sent', 'failed');
