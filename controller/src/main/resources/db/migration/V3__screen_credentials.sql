-- Each screen logs in to the broker with its id and a password the controller generated at
-- registration. Only a salted PBKDF2-HMAC-SHA512 hash is kept, already in Mosquitto's password-file
-- form ($7$iterations$salt$hash), so the hashes can be exported to an external Mosquitto as they are.
-- NULL for screens registered before this column existed: they cannot log in until an operator
-- rotates their password (POST /api/v1/screens/{id}/mqtt-password).
ALTER TABLE screens ADD COLUMN mqtt_password_hash TEXT;
