-- The gate every screen lands in before a technician places it was seeded by V20 with an English
-- developer's name ("Default cluster"), shown in the console's gates table and on a waiting kiosk's
-- card. Give it the name its users read, unless someone has already renamed it.
UPDATE clusters SET name = 'Chưa xếp cửa khẩu'
WHERE id = 'default' AND name = 'Default cluster';
