package vn.dti.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetReader;
import vn.dti.indicator.Level;
import vn.dti.publication.ResultsVerifier.KnownUnit;
import vn.dti.publication.ResultsVerifier.Verification;
import vn.dti.unit.UnitCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 004 (Đắk Lắk, results of 2021) read from the files the application ships and the transcribed tables. */
final class Seed004 {

    static final String PROVINCE_NAME = "Đắk Lắk";

    private Seed004() {
    }

    static byte[] huyenCsv() {
        return resource("seed004/huyen-2021.csv");
    }

    static byte[] soCsv() {
        return resource("seed004/so-2021.csv");
    }

    static IndicatorSet set(Level level) {
        String file = level == Level.SO ? "dak-lak-so-2021.yaml" : "dak-lak-huyen-2021.yaml";
        try (InputStream in = stream("indicator-sets/" + file)) {
            return IndicatorSetReader.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The units of a level in catalog order, with every name they are published under. */
    static Map<String, List<String>> namesByUnit(Level level) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        try (InputStream in = stream("units/dak-lak.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (JsonNode unit : root.get("units")) {
                if (Level.valueOf(unit.get("level").asText()) == level) {
                    List<String> all = new ArrayList<>();
                    all.add(unit.get("name").asText());
                    unit.get("aliases").forEach(alias -> all.add(alias.asText()));
                    names.put(unit.get("code").asText(), all);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static List<KnownUnit> units(Level level) {
        return namesByUnit(level).entrySet().stream()
                .map(entry -> new KnownUnit(entry.getKey(), entry.getValue().getFirst(), null)).toList();
    }

    static Map<String, KnownUnit> unitsByName(Level level) {
        Map<String, KnownUnit> byName = new HashMap<>();
        namesByUnit(level).forEach((code, names) -> names.forEach(name ->
                byName.putIfAbsent(UnitCatalog.nameKey(name), new KnownUnit(code, names.getFirst(), null))));
        return byName;
    }

    static Verification verify(byte[] content, Level level) {
        IndicatorSet set = set(level);
        return ResultsVerifier.verify(ResultsTableReader.read(content, set), set, PROVINCE_NAME,
                unitsByName(level), units(level));
    }

    static byte[] resource(String path) {
        try (InputStream in = stream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String path) {
        InputStream in = Seed004.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }
}
