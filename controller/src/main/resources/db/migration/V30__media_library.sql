-- The media library: what an upload's bytes turned out to be (the type in mime_type now comes
-- from the bytes, never from the uploader), its size in pixels (images) and its length (video).
-- NULL where the format does not say, and for files uploaded before this migration.
ALTER TABLE media ADD COLUMN width INTEGER CHECK (width IS NULL OR width > 0);
ALTER TABLE media ADD COLUMN height INTEGER CHECK (height IS NULL OR height > 0);
ALTER TABLE media ADD COLUMN duration_millis INTEGER CHECK (duration_millis IS NULL OR duration_millis >= 0);
