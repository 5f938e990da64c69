-- Staff accounts are deactivated, not deleted (the moderation and admin logs name them). There is always at least one
-- active admin: without one nobody could manage the site from the web, so the last one can be neither deactivated nor
-- made a moderator, whoever asks (the admin page or the command line).
CREATE TRIGGER staff_keep_an_admin BEFORE UPDATE OF active, role ON staff
WHEN old.role = 'admin' AND old.active = 1 AND (new.active = 0 OR new.role <> 'admin')
     AND (SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1) = 1
BEGIN
    SELECT RAISE(ABORT, 'the last active admin stays');
END;
