-- The result page lists a vote's ballots a page at a time in receipt-code order.
CREATE INDEX ballots_vote_receipt ON ballots (vote_id, receipt_code);
