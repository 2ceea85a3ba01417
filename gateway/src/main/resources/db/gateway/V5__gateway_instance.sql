-- A random name for this database, made once when it is created (or first migrated to this version). Queue cursors
-- carry it, so a cursor from another database — a gateway whose data folder was reset, or another gateway behind
-- the same address — is refused as invalid-cursor instead of being read as a position in this one's history.
INSERT INTO gateway_meta (meta_key, meta_value) VALUES ('instance', CAST(RANDOM_UUID() AS VARCHAR));
