package dev.slipway.lambda.testfn;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers how the worker's JVM was started: its arguments and the JIT flags in effect. */
public class JvmFlags {
    public Map<String, Object> handleRequest(Map<String, Object> input) {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.put("TieredStopAtLevel", hotspot.getVMOption("TieredStopAtLevel").getValue());
        out.put("TieredCompilation", hotspot.getVMOption("TieredCompilation").getValue());
        out.put("UseSerialGC", hotspot.getVMOption("UseSerialGC").getValue());
        out.put("classPath", System.getProperty("java.class.path"));
        out.put("initializationType", System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
        return out;
    }
}
