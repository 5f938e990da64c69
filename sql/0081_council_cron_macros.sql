-- The council form takes five-field cron expressions only (DigestRound.IsValidCron). Before, it also took the macros
-- the cron library knows; those long enough for the table's length check could be stored. They are written out here in
-- five fields, so that such a council can be saved again unchanged. (@every_second has no five-field form: the closest
-- is every minute.)
UPDATE councils SET cron = CASE lower(trim(cron))
        WHEN '@midnight' THEN '0 0 * * *'
        WHEN '@annually' THEN '0 0 1 1 *'
        WHEN '@every_minute' THEN '* * * * *'
        WHEN '@every_second' THEN '* * * * *'
        ELSE cron
    END
WHERE trim(cron) LIKE '@%';
