-- staff: people (staff members, candidates) erased after their retention period.
DELETE FROM staff.data_keys k USING staff.erased_people x WHERE x.person_id = k.person_id;
