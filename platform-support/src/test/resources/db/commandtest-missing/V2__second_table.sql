CREATE TABLE second_table (id int PRIMARY KEY);
