package vn.dti.assessment;

import java.util.Map;
import java.util.Set;

/**
 * The evidence files actually stored for an assessment, by item code: the module that stores them answers. A name
 * typed on an item without a stored file never satisfies the evidence rule.
 */
public interface UploadedEvidence {

    Map<String, Set<String>> fileNames(long assessmentId);
}
