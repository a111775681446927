-- Field-aware linkage runs: an agency may upload its list's field encodings (NAME.fields) beside NAME.clk, kept
-- encrypted (identity key) only until the run, like the encodings. When every list has them, the run scores
-- pairs field by field (Fellegi-Sunter weights estimated from the lists) and its threshold is a match
-- probability; otherwise, or when the model cannot be estimated, it uses the record-level Dice score.
alter table linkage.run_list add column fields text;
-- whether field encodings were uploaded, which stays known after they are deleted
alter table linkage.run_list add column with_fields boolean not null default false;

-- How the completed run linked: FIELD (the field-aware model) or RECORD (the record-level Dice score), and, when
-- it fell back from the field model, the reason the model could not be estimated (no person data: counts and
-- the library's explanation).
alter table linkage.run add column model text check (model in ('FIELD', 'RECORD'));
alter table linkage.run add column dice_threshold numeric(4, 3) check (dice_threshold >= 0.5 and dice_threshold <= 1);
alter table linkage.run add column model_fallback text;

-- What the field-aware model expects of each linkage it made: between two lists (list_a < list_b, positions) or
-- within one (list_a = list_b, when records within lists are merged). Within a list on which the model could not
-- be estimated (too few duplicates) nothing is merged: no rates, the reason in note. Counts, rates and the
-- library's reason only.
create table linkage.run_quality (
    run_id             uuid not null references linkage.run (id),
    list_a             integer not null check (list_a >= 0),
    list_b             integer not null check (list_b >= list_a),
    matches            integer not null check (matches >= 0),
    expected_precision numeric(5, 4) check (expected_precision >= 0 and expected_precision <= 1),
    expected_recall    numeric(5, 4) check (expected_recall >= 0 and expected_recall <= 1),
    note               text,
    primary key (run_id, list_a, list_b)
);
