-- The catalog of the connected database, rendered as `kinto-schema-doctor
-- --list` prints it (from the first schema line on), straight from the
-- server's system catalogs: the truth the --list test compares against.
SET search_path = '';
WITH ns AS (
	SELECT oid, nspname FROM pg_namespace
	 WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
	   AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'
),
rel AS (
	SELECT c.oid, c.relname, c.relnamespace FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
	 WHERE c.relkind IN ('r', 'p')
),
lines AS (
	-- tables: 1, then columns 2, then constraints 3
	SELECT r.relnamespace AS nsp, 1 AS kind, r.relname::text AS k1, 0 AS k2, '' AS k3,
	       '    table ' || r.relname AS line
	  FROM rel r
	UNION ALL
	SELECT r.relnamespace, 1, r.relname, a.attnum, '',
	       '      column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
	       || CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0
		       THEN ' collate ' || co.collname ELSE '' END
	       || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
	       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
	  FROM rel r
	  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
	  JOIN pg_type t ON t.oid = a.atttypid
	  LEFT JOIN pg_collation co ON co.oid = a.attcollation
	  LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
	UNION ALL
	SELECT r.relnamespace, 1, r.relname, 100000, k.conname,
	       CASE k.contype WHEN 'p' THEN '      primary key ' ELSE '      unique ' END
	       || k.conname || ' ('
	       || (SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
		     FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
		     JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = u.attnum) || ')'
	  FROM rel r JOIN pg_constraint k ON k.conrelid = r.oid AND k.contype IN ('p', 'u')
	UNION ALL
	-- indexes that are not constraints: 2
	SELECT r.relnamespace, 2, i.relname, 0, '',
	       '    ' || CASE WHEN x.indisunique THEN 'unique ' ELSE '' END || 'index '
	       || i.relname || ' on ' || r.relname || ' using ' || am.amname || ' '
	       || regexp_replace(
		    regexp_replace(substring(pg_get_indexdef(x.indexrelid)
					     FROM ' USING [a-z]+ (.*)$'),
				   ' WHERE ', ' where '),
		    '[A-Za-z_][A-Za-z_0-9]*\.([A-Za-z_][A-Za-z_0-9]*)\(', '\1(', 'g')
	  FROM rel r
	  JOIN pg_index x ON x.indrelid = r.oid
	  JOIN pg_class i ON i.oid = x.indexrelid
	  JOIN pg_am am ON am.oid = i.relam
	 WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid
			     AND k.contype IN ('p', 'u', 'x'))
	UNION ALL
	-- functions: 3
	SELECT p.pronamespace, 3, p.proname, 0, pg_get_function_arguments(p.oid),
	       '    function ' || p.proname || '(' || pg_get_function_arguments(p.oid)
	       || ') returns ' || pg_get_function_result(p.oid) || ' language ' || l.lanname
	       || CASE p.provolatile WHEN 'i' THEN ' immutable' WHEN 's' THEN ' stable'
				     ELSE ' volatile' END
	       || ', body ' || octet_length(p.prosrc) || ' bytes'
	  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
	  JOIN pg_language l ON l.oid = p.prolang
	 WHERE NOT EXISTS (SELECT 1 FROM pg_depend dp WHERE dp.classid = 'pg_proc'::regclass
			     AND dp.objid = p.oid AND dp.deptype = 'e')
	UNION ALL
	-- triggers: 4
	SELECT r.relnamespace, 4, tg.tgname, 0, r.relname,
	       '    trigger ' || tg.tgname
	       || CASE WHEN tg.tgtype & 2 <> 0 THEN ' before'
		       WHEN tg.tgtype & 64 <> 0 THEN ' instead of' ELSE ' after' END || ' '
	       || array_to_string(ARRAY[
		    CASE WHEN tg.tgtype & 4 <> 0 THEN 'insert' END,
		    CASE WHEN tg.tgtype & 16 <> 0 THEN 'update' || COALESCE(' of ' ||
			(SELECT string_agg(a.attname, ', ' ORDER BY u.ord)
			   FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY u(attnum, ord)
			   JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = u.attnum), '')
		    END,
		    CASE WHEN tg.tgtype & 8 <> 0 THEN 'delete' END,
		    CASE WHEN tg.tgtype & 32 <> 0 THEN 'truncate' END], ' or ')
	       || ' on ' || r.relname
	       || CASE WHEN tg.tgtype & 1 <> 0 THEN ' for each row' ELSE ' for each statement' END
	       || ' execute ' || fp.proname || '()'
	  FROM rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal
	  JOIN pg_proc fp ON fp.oid = tg.tgfoid
)
SELECT line FROM (
	-- extensions come first, at the database level; pg_dump leaves plpgsql out
	SELECT -1 AS o, '' AS s, 0 AS kind, e.extname::text AS k1, 0 AS k2, '' AS k3,
	       '  extension ' || e.extname || ' schema ' || n.nspname AS line
	  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname <> 'plpgsql'
	UNION ALL
	SELECT 0 AS o, ns.nspname AS s, 0 AS kind, '' AS k1, 0 AS k2, '' AS k3,
	       '  schema ' || ns.nspname AS line
	  FROM ns
	 WHERE EXISTS (SELECT 1 FROM lines WHERE lines.nsp = ns.oid)
	UNION ALL
	SELECT 1, ns.nspname, kind, k1, k2, k3, line FROM lines JOIN ns ON ns.oid = lines.nsp
) all_lines
ORDER BY o < 0 DESC, s COLLATE "C", o, kind, k1 COLLATE "C", k2, k3 COLLATE "C";
