-- Bands are a rule of each indicator set's regulation profile, stated by the decision that issues it; a province-wide
-- default of 90/70/50 applied Kon Tum's Điều 9.2 to every province.
alter table province drop column band_good, drop column band_fair, drop column band_average;
