-- Entries recorded before V3 have no session date of their own; they took it from their request
-- each time they were read. Copy it once, so the ledger reads only its own table.
UPDATE cc_recompense SET session_date =
  (SELECT q.session_date FROM cc_involvement_request q WHERE q.id = cc_recompense.request_id)
WHERE session_date IS NULL;
