//! Two editions under different indicator systems compared on what the systems have in common: the
//! dimensions both have, each with the indicators both place in it with the same direction (all matched
//! by id, never by position), and what that leaves out on each side and why.
//!
//! Both editions' columns are then carried into the common system by id ([`columns_for_system`]) and
//! compared with the change functions of [`super::change`] as if they had shared a system from the start.

use crate::echo::clip;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};

/// The fewest dimensions two systems must share for their editions to be compared.
pub const MIN_COMMON_DIMENSIONS: usize = 2;

/// Which edition's system an item left out belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SystemSide {
    /// The earlier edition's (`a` of [`common_system`]).
    From,
    /// The later edition's (`b`).
    To,
}

impl SystemSide {
    pub fn id(self) -> &'static str {
        match self {
            SystemSide::From => "from",
            SystemSide::To => "to",
        }
    }
    fn text(self, lang: Lang) -> &'static str {
        match self {
            SystemSide::From => t(lang, Key::CommonSideFrom),
            SystemSide::To => t(lang, Key::CommonSideTo),
        }
    }
}

/// Why a dimension or an indicator is not part of the common system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOutReason {
    /// The other system has no dimension or indicator of this id.
    OnlyInOne,
    /// The other system places the indicator in its dimension of this id.
    OtherDimension(String),
    /// The other system has the indicator with the opposite direction.
    DirectionDiffers,
    /// Both systems have the dimension but share none of its indicators.
    NoIndicatorInCommon,
}

impl LeftOutReason {
    /// The reason's id in the command line's JSON.
    pub fn id(&self) -> &'static str {
        match self {
            LeftOutReason::OnlyInOne => "only_in_one",
            LeftOutReason::OtherDimension(_) => "other_dimension",
            LeftOutReason::DirectionDiffers => "direction_differs",
            LeftOutReason::NoIndicatorInCommon => "no_indicator_in_common",
        }
    }
}

/// One dimension or indicator of one side's system that the common system leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOutItem {
    pub side: SystemSide,
    /// A dimension when true, else an indicator.
    pub is_dimension: bool,
    pub id: String,
    /// Its names in the side's system: Simplified, Traditional, English.
    pub names: [String; 3],
    pub reason: LeftOutReason,
}

impl LeftOutItem {
    /// The item's name in `lang`, falling back to the Simplified one.
    pub fn name(&self, lang: Lang) -> &str {
        lang.name(&self.names[0], &self.names[1], &self.names[2])
    }

    /// One sentence that names the item, its side and why it is left out, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (side, name, id) = (self.side.text(lang), clip(self.name(lang)), clip(&self.id));
        match (&self.reason, self.is_dimension) {
            (LeftOutReason::OnlyInOne, true) => {
                tf(lang, Key::CommonDimensionOnlyInOne, &[side, &name, &id])
            }
            (LeftOutReason::NoIndicatorInCommon, _) => {
                tf(lang, Key::CommonDimensionNoIndicator, &[side, &name, &id])
            }
            (LeftOutReason::OnlyInOne, false) => {
                tf(lang, Key::CommonIndicatorOnlyInOne, &[side, &name, &id])
            }
            (LeftOutReason::OtherDimension(other), _) => tf(
                lang,
                Key::CommonIndicatorOtherDimension,
                &[side, &name, &id, &clip(other)],
            ),
            (LeftOutReason::DirectionDiffers, _) => {
                tf(lang, Key::CommonIndicatorDirection, &[side, &name, &id])
            }
        }
    }
}

/// What the common system leaves out of each side's system: the earlier edition's items first, each
/// side's dimensions before its indicators, in the side's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeftOut {
    pub items: Vec<LeftOutItem>,
}

impl LeftOut {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Why two systems' editions are not compared: they share fewer than [`MIN_COMMON_DIMENSIONS`]
/// dimensions with an indicator in common.
#[derive(Clone, Debug, PartialEq)]
pub struct TooLittleInCommon {
    pub dimensions: usize,
    pub left_out: LeftOut,
}

impl TooLittleInCommon {
    pub fn message(&self, lang: Lang) -> String {
        tf(
            lang,
            Key::CommonTooLittle,
            &[
                &self.dimensions.to_string(),
                &MIN_COMMON_DIMENSIONS.to_string(),
            ],
        )
    }
}

/// The system of what `a` and `b` have in common, in `a`'s order and with `a`'s definitions, and what
/// it leaves out of each. An indicator is in common when both systems have its id in a dimension of
/// the same id with the same direction; a dimension when both have its id and it keeps an indicator.
pub fn common_system(
    a: &IndicatorSystem,
    b: &IndicatorSystem,
) -> Result<(IndicatorSystem, LeftOut), TooLittleInCommon> {
    let in_common = |i: usize| {
        let indicator = &a.indicators[i];
        b.indicator_index(&indicator.id).is_some_and(|k| {
            let other = &b.indicators[k];
            other.dimension == indicator.dimension
                && other.higher_is_better == indicator.higher_is_better
        })
    };
    let kept: Vec<usize> = (0..a.n_indicators()).filter(|&i| in_common(i)).collect();
    let dimensions: Vec<_> = a
        .dimensions
        .iter()
        .filter(|d| kept.iter().any(|&i| a.indicators[i].dimension == d.id))
        .cloned()
        .collect();
    let indicators: Vec<_> = kept.iter().map(|&i| a.indicators[i].clone()).collect();
    let mut left_out = LeftOut::default();
    left_out_of(SystemSide::From, a, b, &dimensions, &mut left_out);
    left_out_of(SystemSide::To, b, a, &dimensions, &mut left_out);
    if dimensions.len() < MIN_COMMON_DIMENSIONS {
        return Err(TooLittleInCommon {
            dimensions: dimensions.len(),
            left_out,
        });
    }
    let system = IndicatorSystem::new(a.source.clone(), dimensions, indicators)
        .expect("a part of a valid system, in its order, is valid");
    Ok((system, left_out))
}

/// Adds to `out` what of `this` (on `side`) the common system, whose dimensions are `kept`, leaves out.
fn left_out_of(
    side: SystemSide,
    this: &IndicatorSystem,
    other: &IndicatorSystem,
    kept: &[crate::model::Dimension],
    out: &mut LeftOut,
) {
    for d in &this.dimensions {
        if kept.iter().any(|k| k.id == d.id) {
            continue;
        }
        let reason = match other.dimension_index(&d.id) {
            None => LeftOutReason::OnlyInOne,
            Some(_) => LeftOutReason::NoIndicatorInCommon,
        };
        out.items.push(LeftOutItem {
            side,
            is_dimension: true,
            id: d.id.clone(),
            names: [d.name_zh.clone(), d.name_zh_hant.clone(), d.name_en.clone()],
            reason,
        });
    }
    for indicator in &this.indicators {
        let reason = match other.indicator_index(&indicator.id) {
            None => LeftOutReason::OnlyInOne,
            Some(k) if other.indicators[k].dimension != indicator.dimension => {
                LeftOutReason::OtherDimension(other.indicators[k].dimension.clone())
            }
            Some(k) if other.indicators[k].higher_is_better != indicator.higher_is_better => {
                LeftOutReason::DirectionDiffers
            }
            Some(_) => continue,
        };
        out.items.push(LeftOutItem {
            side,
            is_dimension: false,
            id: indicator.id.clone(),
            names: [
                indicator.name_zh.clone(),
                indicator.name_zh_hant.clone(),
                indicator.name_en.clone(),
            ],
            reason,
        });
    }
}

/// `data`, set under `old`, with the columns of `new`, each matched by indicator id (an indicator `old`
/// lacks gets no values).
pub fn columns_for_system(old: &IndicatorSystem, data: &Dataset, new: &IndicatorSystem) -> Dataset {
    let mut out = Dataset::new(data.meta.clone(), data.units.clone(), new.n_indicators());
    for (i, indicator) in new.indicators.iter().enumerate() {
        if let Some(k) = old.indicator_index(&indicator.id) {
            out.column_mut(i).copy_from_slice(data.column(k));
        }
    }
    out
}

/// Two editions under their own systems, carried into what the systems have in common.
#[derive(Clone, Debug)]
pub struct CommonEditions {
    pub system: IndicatorSystem,
    pub from: Dataset,
    pub to: Dataset,
    pub left_out: LeftOut,
}

/// Edition `from` (under `from_system`) and `to` (under `to_system`) in their common system, ready for
/// [`super::change::edition_change`]; equal systems give the editions unchanged and nothing left out.
pub fn in_common(
    from_system: &IndicatorSystem,
    from: &Dataset,
    to_system: &IndicatorSystem,
    to: &Dataset,
) -> Result<CommonEditions, TooLittleInCommon> {
    let (system, left_out) = common_system(from_system, to_system)?;
    Ok(CommonEditions {
        from: columns_for_system(from_system, from, &system),
        to: columns_for_system(to_system, to, &system),
        system,
        left_out,
    })
}
