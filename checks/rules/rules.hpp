// The check functions of the rule table (registry.cpp), one file per rule or small family.
#pragma once

#include "check.hpp"

namespace kvs::checks::rules {

// coverage.cpp: the statutory target groups (<pligt>), one function for every duty rule.
void duty(const CheckContext&, Reporter&);
// content.cpp: content a standard must contain (<indholdskrav>), one function for every rule.
void content(const CheckContext&, Reporter&);
// exclusions.cpp
void undtagelse_hjemmel(const CheckContext&, Reporter&);
// revision.cpp
void aarlig_revision(const CheckContext&, Reporter&);
// citations.cpp
void lovhenvisning(const CheckContext&, Reporter&);
void lovgrundlag_ophoerer(const CheckContext&, Reporter&);
// advice.cpp
void raad_datobrev(const CheckContext&, Reporter&);
void raad_saarbare_kollektiv(const CheckContext&, Reporter&);
void raad_risikogrupper_bredde(const CheckContext&, Reporter&);
void raad_opfoelgning(const CheckContext&, Reporter&);
void raad_selvhenvendelse(const CheckContext&, Reporter&);
void raad_kompetencer(const CheckContext&, Reporter&);
void raad_kontakt(const CheckContext&, Reporter&);
void raad_kollektiv_registrering(const CheckContext&, Reporter&);
// readability.cpp
void raad_laesbarhed(const CheckContext&, Reporter&);

}  // namespace kvs::checks::rules
