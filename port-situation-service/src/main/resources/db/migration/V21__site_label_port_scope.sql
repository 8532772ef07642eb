-- 场所标签的口岸归属: a label may belong to one port (its links are then that port's records, and an officer limited to
-- the port reads and changes it); a label without a port is the command centre's, shared by all ports, and only officers
-- not limited to a port read and change it.
ALTER TABLE site_label ADD COLUMN port_code text REFERENCES port (code);
CREATE INDEX site_label_port ON site_label (port_code);
