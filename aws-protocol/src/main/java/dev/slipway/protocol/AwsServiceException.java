package dev.slipway.protocol;

/**
 * An error that an AWS API answers with: its error code (the {@code __type} of JSON protocols,
 * the {@code <Code>} of XML ones), its message and its HTTP status. Each service subclasses it
 * once per error code, with named factory methods for the messages (STYLE.md, rule 4); the
 * service's wire codec renders it in the service's own error shape.
 */
public class AwsServiceException extends RuntimeException {
    private final String errorCode;
    private final int httpStatus;
    private final boolean senderFault;

    public AwsServiceException(String errorCode, String message, int httpStatus) {
        this(errorCode, message, httpStatus, httpStatus < 500);
    }

    public AwsServiceException(String errorCode, String message, int httpStatus, boolean senderFault) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** "Sender" or "Receiver" in Query-protocol errors. */
    public boolean senderFault() {
        return senderFault;
    }
}
