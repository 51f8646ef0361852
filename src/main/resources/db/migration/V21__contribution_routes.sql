-- How a contribution reached us (issue 21). Until now every contribution was made at a session.
--   SESSION        said at the session, recorded by the coordinator
--   WRITTEN        written or recorded by an invited expert who could not come (by link, in
--                  Tasklist, or taken down by a coordinator by phone)
--   PEER_RESEARCH  views a peer researcher gathered from people who do not come to meetings
-- The gate passes with contributions from any route; the auditors' evidence tells them apart.
ALTER TABLE cc_contribution ADD COLUMN route VARCHAR(20) DEFAULT 'SESSION' NOT NULL;
