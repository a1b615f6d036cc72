package org.gongkai.publication.attributereview;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AttributeReviewRepository extends MongoRepository<AttributeReview, String> {
}
