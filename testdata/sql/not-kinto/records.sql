-- Not Kinto: a clinic's application, written for this corpus. Its table
-- records holds visit notes with a jsonb data column and a last_modified
-- stamp kept by its own trigger function bump_timestamp (a common name):
-- two of Kinto's column names and one of its function names, but no parent
-- or collection column, no as_epoch and no Kinto trigger.
CREATE TABLE public.patients (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name text NOT NULL,
    born date
);

CREATE TABLE public.records (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES public.patients (id),
    kind text NOT NULL CHECK (kind IN ('visit', 'lab', 'note')),
    data jsonb NOT NULL DEFAULT '{}',
    last_modified timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX records_patient_kind ON public.records (patient_id, kind);

CREATE FUNCTION public.bump_timestamp() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.last_modified := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER records_bump BEFORE UPDATE ON public.records
    FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();

INSERT INTO public.patients (full_name, born) VALUES
    ('Grace Hopper', '1906-12-09'), ('Alan Turing', '1912-06-23');
INSERT INTO public.records (patient_id, kind, data) VALUES
    (1, 'visit', '{"reason": "check-up"}'),
    (1, 'lab', '{"test": "glucose", "value": 5.1}'),
    (2, 'note', '{"text": "follow up in spring"}');
