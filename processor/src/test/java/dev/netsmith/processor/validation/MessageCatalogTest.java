package dev.netsmith.processor.validation;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ids are the stable part of every diagnostic (users search for them, builds may filter on them): each is
 * unique, and every message reads {@code [Netsmith.Id] text (fix: hint)}. Every id a user can trigger has a
 * compile test asserting its message, line and column in this package (the rules' tests) or in robustness/.
 */
class MessageCatalogTest {

    @Test
    void idsAreUniqueAndMessagesCarryIdAndHint() {
        Set<String> ids = new HashSet<>();
        for (Message message : Message.values()) {
            assertThat(ids.add(message.id())).isTrue();
            assertThat(message.id()).matches("Netsmith\\.[A-Z][A-Za-z0-9]+");
            String text = format(message);
            assertThat(text).startsWith("[" + message.id() + "] ");
            assertThat(text).containsMatch(" \\(fix: .+\\)$");
        }
    }

    /** The ids as released: changing one breaks users' searches and filters, so it must be deliberate. */
    @Test
    void idsAreStable() {
        assertThat(Arrays.stream(Message.values()).map(Message::id).toList()).containsExactly(
                "Netsmith.Target", "Netsmith.Private", "Netsmith.InnerType", "Netsmith.LocalType", "Netsmith.NoNetwork",
                "Netsmith.NoLayers", "Netsmith.Inputs", "Netsmith.Units", "Netsmith.KeepProb", "Netsmith.OutputDropout",
                "Netsmith.SoftmaxHidden", "Netsmith.SoftmaxUnits", "Netsmith.LossActivation", "Netsmith.CustomMissing",
                "Netsmith.CustomUnused", "Netsmith.CustomAbstract", "Netsmith.CustomNotPublic", "Netsmith.CustomInner",
                "Netsmith.CustomConstructor", "Netsmith.CustomInterface", "Netsmith.L2", "Netsmith.Epsilon", "Netsmith.Threshold",
                "Netsmith.ThresholdOrder", "Netsmith.TooManyParameters", "Netsmith.NameCollision", "Netsmith.DuplicateName",
                "Netsmith.ReluXavier", "Netsmith.EpsilonFar", "Netsmith.Internal").inOrder();
    }

    /** Formats with arguments of the kinds the patterns take (%d needs a number, %s anything). */
    private static String format(Message message) {
        Object[] args = new Object[8];
        Arrays.fill(args, 1);
        return message.format(args);
    }
}
