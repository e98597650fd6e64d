-- A second hash of each screen's MQTT password, in bcrypt's form ($2a$...), for brokers that cannot
-- read Mosquitto's $7$ PBKDF2 form: nats-server accepts bcrypt (see 'controller export-nats').
-- Written whenever the controller makes a screen password (registration, enrollment, rotation),
-- the only moments it knows the password. NULL for passwords made before this column existed:
-- such a screen logs in to NATS only once its password has been rotated.
ALTER TABLE screens ADD COLUMN mqtt_password_bcrypt TEXT;
