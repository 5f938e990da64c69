-- The rules (/regeln#nicht-erlaubt) name two grounds the rejection form lacked: advertising or spam, and texts of
-- others taken without permission or otherwise unlawful. The list of grounds is a CHECK on the column, so the column is
-- replaced: a new one with the longer list takes the values, the old one is dropped (its CHECK goes with it) and the
-- new one takes its name. Nothing else in the schema refers to the column.
ALTER TABLE ideas ADD COLUMN rejection_ground TEXT
    CHECK (rejection_ground IS NULL OR rejection_ground IN
        ('duplicate', 'off_topic', 'insult', 'personal_data', 'not_municipal', 'advertising', 'unlawful'));
UPDATE ideas SET rejection_ground = rejection_reason WHERE rejection_reason IS NOT NULL;
ALTER TABLE ideas DROP COLUMN rejection_reason;
ALTER TABLE ideas RENAME COLUMN rejection_ground TO rejection_reason;
