-- When a survey opened, closed and had its results published, for the council digests ("opened, closed or
-- published results in the period"). The triggers stamp the moments from the status changes themselves, so
-- every path that changes a survey's state records them. Unpublishing the results clears the moment.

ALTER TABLE surveys ADD COLUMN opened_at TEXT;
ALTER TABLE surveys ADD COLUMN closed_at TEXT;
ALTER TABLE surveys ADD COLUMN results_published_at TEXT;

UPDATE surveys SET opened_at = coalesce(opens_at, created_at) WHERE status <> 'draft';
UPDATE surveys SET closed_at = coalesce(closes_at, updated_at) WHERE status IN ('closed', 'archived') AND opened_at IS NOT NULL;
UPDATE surveys SET results_published_at = updated_at WHERE results_published = 1;

CREATE TRIGGER surveys_opened AFTER UPDATE OF status ON surveys
WHEN NEW.status = 'open' AND OLD.status = 'draft'
BEGIN
    UPDATE surveys SET opened_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER surveys_closed AFTER UPDATE OF status ON surveys
WHEN NEW.status = 'closed' AND OLD.status = 'open'
BEGIN
    UPDATE surveys SET closed_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER surveys_results_published AFTER UPDATE OF results_published ON surveys
WHEN NEW.results_published <> OLD.results_published
BEGIN
    UPDATE surveys SET results_published_at = CASE NEW.results_published WHEN 1 THEN NEW.updated_at END WHERE id = NEW.id;
END;
