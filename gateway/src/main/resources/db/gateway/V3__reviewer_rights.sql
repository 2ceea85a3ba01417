-- Decision rights per reviewer (issue 3): the JSON of DecisionRights, or NULL while the reviewer holds none.
ALTER TABLE reviewer ADD COLUMN rights VARCHAR(4000);
