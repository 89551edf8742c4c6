// What each article was last loaded from (src/seed/seed-all.ts skips a seed that is unchanged).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.seedHash AS seedHash
