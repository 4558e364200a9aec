-- The fair baseline's load: the same sources unsc imports, as CSV (the
-- library's pages as their CSV parse), into tables with the indexes a person
-- answering the questions would create, in one transaction. bench/ratios.sh
-- runs it with DATA set to the folder (the shared data, or a scaled one).
.bail on
.mode csv
BEGIN;
.import DATA/undl-sc-votes-crawled/sc_voting_crawled_undl_layout.csv undl
.import DATA/undl-sc-voting/2025_7_21_sc_voting_sample.csv undl_sample
.import DATA/sc-votes-incl-failed-1994-2025/sc_voting.csv sheet
.import DATA/dhl-sc-meetings-1946-2022/sc_actions_parsed_1946-2022.csv actions
.import DATA/dhl-sc-meetings-1946-2022/sc_meetings_outcomes_1946-2022.csv meetings
.import DATA/dhl-sc-meetings-1946-2022/dhl_veto_list_1946-2022-05-26.csv vetoes
.import DATA/dppa-sc-membership/DPPA-SCMembership.csv dppa
CREATE INDEX undl_id ON undl (undl_id, ms_code);
CREATE INDEX undl_member ON undl (ms_code, date);
CREATE INDEX undl_date ON undl (date);
CREATE INDEX undl_resolution ON undl (resolution);
CREATE INDEX undl_draft ON undl (draft);
CREATE INDEX undl_meeting ON undl (meeting);
CREATE INDEX sheet_member ON sheet ("Member State", Vote, date_corrected);
CREATE INDEX sheet_id ON sheet (ID);
CREATE INDEX sheet_outcome ON sheet ("Outcome results", Vote);
CREATE INDEX sheet_resolution ON sheet (res_no);
CREATE INDEX sheet_draft ON sheet (Draft);
CREATE INDEX actions_year ON actions (year, action_type);
CREATE INDEX vetoes_date ON vetoes (date);
COMMIT;
