// Removes what an earlier load of this article wrote (its facts, sentences and the
// relationships it added between entities), so a reload replaces it instead of piling up.
// Entities stay: other articles may share them.
CALL (){ MATCH (f:Fact {articleId: $articleId}) DETACH DELETE f }
CALL (){ MATCH (:Entity)-[r]->() WHERE r.articleId = $articleId DELETE r }
CALL (){ MATCH (s:Sentence {articleId: $articleId}) DETACH DELETE s }
RETURN 1 AS done
