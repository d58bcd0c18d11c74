package vn.dti.indicator;

/**
 * Whether a cycle has used an indicator set version. The module that runs cycles answers it; once used, a version's
 * regulation profile no longer changes: new rules need a new version.
 */
public interface IndicatorSetUsage {

    boolean usedByCycle(String setId);
}
