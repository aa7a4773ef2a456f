CREATE TABLE first_table (id int PRIMARY KEY);
