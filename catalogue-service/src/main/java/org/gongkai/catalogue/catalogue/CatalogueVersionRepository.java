package org.gongkai.catalogue.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CatalogueVersionRepository extends MongoRepository<CatalogueVersion, String> {

    List<CatalogueVersion> findByCatalogueOrderByVersionDesc(String catalogue);

    Optional<CatalogueVersion> findFirstByCatalogueAndStatusOrderByVersionDesc(String catalogue, CatalogueVersion.Status status);

    boolean existsByCatalogue(String catalogue);
}
