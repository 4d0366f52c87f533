package dev.slipway.cloudformation;

import java.util.Set;

/** Pseudo parameter names ({@code AWS::Region} …). */
final class Pseudo {
    static final String NO_VALUE = "AWS::NoValue";
    static final Set<String> NAMES = Set.of("AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::StackId",
            "AWS::Partition", "AWS::URLSuffix", NO_VALUE, "AWS::NotificationARNs");

    private Pseudo() {}

    static boolean isPseudo(String name) {
        return NAMES.contains(name);
    }
}
