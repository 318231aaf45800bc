-- Not Kinto: a content system, written for this corpus, that moves what
-- users delete into a table named deleted (kept for 30 days) and keeps its
-- own settings in a table named metadata, with no Kinto row in it.
CREATE TABLE public.documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id bigint NOT NULL,
    title text NOT NULL,
    body text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.deleted (
    id bigint PRIMARY KEY,
    source_table text NOT NULL,
    deleted_by bigint,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    payload jsonb NOT NULL
);
CREATE INDEX deleted_deleted_at ON public.deleted (deleted_at);

CREATE TABLE public.metadata (
    name text PRIMARY KEY,
    value text
);

CREATE FUNCTION public.keep_deleted_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.deleted (id, source_table, payload)
    VALUES (OLD.id, 'documents', to_jsonb(OLD));
    RETURN OLD;
END;
$$;
CREATE TRIGGER documents_keep_deleted AFTER DELETE ON public.documents
    FOR EACH ROW EXECUTE FUNCTION public.keep_deleted_document();

INSERT INTO public.metadata VALUES ('retention_days', '30'), ('app_version', '4.2.0');
INSERT INTO public.documents (owner_id, title, body) VALUES
    (7, 'Minutes', 'Agreed on the budget.'),
    (7, 'Draft', 'To be thrown away.'),
    (9, 'Plan', 'Ship in May.');
DELETE FROM public.documents WHERE title = 'Draft';
