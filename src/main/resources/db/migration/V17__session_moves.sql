-- Issue 16: a coordinator moves one session (date, time, place or format) or cancels it, saying why.
-- session_changes counts the changes: it is part of every message key about the session, so news
-- about the new date is never mistaken for news already sent about the old one.
ALTER TABLE cc_involvement_request ADD COLUMN session_changes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE cc_involvement_request ADD COLUMN session_change_reason VARCHAR(4000);
ALTER TABLE cc_involvement_request ADD COLUMN previous_session_date DATE;
ALTER TABLE cc_involvement_request ADD COLUMN previous_session_time VARCHAR(5);
ALTER TABLE cc_involvement_request ADD COLUMN session_changed_at TIMESTAMP;
ALTER TABLE cc_involvement_request ADD COLUMN session_changed_by VARCHAR(64);
