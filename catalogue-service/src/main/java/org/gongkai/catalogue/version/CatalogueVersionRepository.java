package org.gongkai.catalogue.version;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CatalogueVersionRepository extends MongoRepository<CatalogueVersion, String> {

    List<CatalogueVersion> findByCatalogueOrderByVersionDesc(String catalogue);

    Page<CatalogueVersion> findByCatalogueAndStatus(String catalogue, CatalogueVersion.Status status, Pageable pageable);

    Optional<CatalogueVersion> findFirstByCatalogueAndStatusOrderByVersionDesc(String catalogue, CatalogueVersion.Status status);

    boolean existsByCatalogue(String catalogue);
}
