-- Not Kinto: a file store shaped like a hosted backend's, written for this
-- corpus. Schema storage holds buckets and objects (uploaded files), another
-- schema the application's own tables. objects has an id, a jsonb column and
-- timestamps, but none of Kinto's columns, functions or triggers.
CREATE SCHEMA storage;
CREATE SCHEMA app;

CREATE TABLE storage.buckets (
    id text PRIMARY KEY,
    name text NOT NULL UNIQUE,
    owner uuid,
    public boolean NOT NULL DEFAULT false,
    file_size_limit bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE storage.objects (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    bucket_id text NOT NULL REFERENCES storage.buckets (id),
    name text NOT NULL,
    owner uuid,
    metadata jsonb,
    path_tokens text[],
    version text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    last_accessed_at timestamptz
);
CREATE UNIQUE INDEX objects_bucket_name_idx ON storage.objects (bucket_id, name);
CREATE INDEX objects_owner_idx ON storage.objects (owner);

-- The store's own schema migrations, recorded by name.
CREATE TABLE storage.migrations (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE,
    hash text NOT NULL,
    executed_at timestamp DEFAULT CURRENT_TIMESTAMP
);

CREATE FUNCTION storage.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER objects_touch_updated_at BEFORE UPDATE ON storage.objects
    FOR EACH ROW EXECUTE FUNCTION storage.touch_updated_at();

CREATE FUNCTION storage.extension(name text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN position('.' IN name) = 0 THEN ''
                ELSE regexp_replace(name, '^.*\.', '') END
$$;

CREATE TABLE app.profiles (
    id uuid PRIMARY KEY,
    display_name text NOT NULL,
    avatar_object uuid REFERENCES storage.objects (id)
);

INSERT INTO storage.migrations VALUES
    (0, 'create-migrations-table', 'a1f3', '2026-01-05 10:00:00'),
    (1, 'initial-setup', '9bd2', '2026-01-05 10:00:01'),
    (2, 'add-last-accessed-at', '77c0', '2026-03-12 08:30:00');
INSERT INTO storage.buckets (id, name, public) VALUES
    ('avatars', 'avatars', true), ('invoices', 'invoices', false);
INSERT INTO storage.objects (id, bucket_id, name, owner, metadata, path_tokens) VALUES
    ('6f9619ff-8b86-4011-b42d-00c04fc964ff', 'avatars', 'u/ada.png',
     '0d4c4a52-1f2c-4a51-9d6b-1e35f3a3b001', '{"size": 20411, "mimetype": "image/png"}', '{u,ada.png}'),
    ('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'invoices', '2026/03/inv-0042.pdf',
     '0d4c4a52-1f2c-4a51-9d6b-1e35f3a3b001', '{"size": 88120, "mimetype": "application/pdf"}', '{2026,03,inv-0042.pdf}');
INSERT INTO app.profiles VALUES
    ('0d4c4a52-1f2c-4a51-9d6b-1e35f3a3b001', 'Ada', '6f9619ff-8b86-4011-b42d-00c04fc964ff');
