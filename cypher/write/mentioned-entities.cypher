// The entities an article's earlier load mentions, read before it is cleared, so that those
// no article mentions any more can be removed once the write is done.
MATCH (:Sentence {articleId: $articleId})<-[:MENTIONED_IN]-(n:Entity)
RETURN collect(DISTINCT n.id) AS ids
