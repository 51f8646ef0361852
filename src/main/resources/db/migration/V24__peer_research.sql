-- Peer research (issue 21): a gate may ask experts to gather views from people who do not come to
-- meetings, besides or instead of a session.
--
-- What a request asks of peer researchers. A request with no row here is a session only, as every
-- request made before this change was. A request without a session keeps the date views are
-- gathered by in cc_involvement_request.session_date too: it is the gate's date, which notice,
-- matching and the auditors' evidence read.
CREATE TABLE cc_peer_research_ask (
    request_id     BIGINT        PRIMARY KEY REFERENCES cc_involvement_request (id),
    session_too    BOOLEAN       NOT NULL,
    gathered_by    DATE          NOT NULL,
    what_to_ask    VARCHAR(4000) NOT NULL
);

-- Each expert who said yes to gathering views, and once they have recorded it, how many people
-- they heard from and the hours they spent. What people said is in cc_contribution (route
-- PEER_RESEARCH), never here and never in the engine.
CREATE TABLE cc_peer_researcher (
    invitation_id  BIGINT        PRIMARY KEY REFERENCES cc_invitation (id),
    request_id     BIGINT        NOT NULL REFERENCES cc_involvement_request (id),
    expert_id      BIGINT        NOT NULL REFERENCES cc_expert (id),
    people_heard   INTEGER,
    hours_spent    INTEGER,
    recorded_by    VARCHAR(64),
    recorded_at    TIMESTAMP,
    created_at     TIMESTAMP     NOT NULL
);
CREATE INDEX ix_peer_researcher_request ON cc_peer_researcher (request_id);
CREATE INDEX ix_peer_researcher_expert ON cc_peer_researcher (expert_id);

-- Peer research is recompensed by the hours recorded, through the ledger like a session: one
-- entry per expert and request (uq_recompense), with work PEER_RESEARCH.
ALTER TABLE cc_recompense DROP CONSTRAINT ck_recompense_what_for;
ALTER TABLE cc_recompense ADD CONSTRAINT ck_recompense_what_for
  CHECK ((work IN ('SESSION', 'PEER_RESEARCH') AND request_id IS NOT NULL)
    OR (work NOT IN ('SESSION', 'PEER_RESEARCH') AND cycle_id IS NOT NULL AND review_round IS NOT NULL));
