package vn.dti.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The stored form of a regulation profile, and the checksum that tells a changed profile from the same one. */
final class ProfileJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private ProfileJson() {
    }

    static String write(RegulationProfile profile) {
        try {
            return JSON.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row stored before profiles existed states no rule. */
    static RegulationProfile read(String json) {
        if (json == null) {
            return RegulationProfile.notStated();
        }
        try {
            return JSON.readValue(json, RegulationProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Quy chế đã lưu không đọc được: " + e.getOriginalMessage(), e);
        }
    }

    static String checksum(RegulationProfile profile) {
        try {
            byte[] canonical = write(profile).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
